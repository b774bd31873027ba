# A competing offer from another company, declined once Amazon's final
# version was accepted. globex.bands.hcl holds the band it is judged by.
offer "globex_staff" {
  company  = "Globex"
  level    = "Staff"
  track    = "SWE"
  location = "NYC"
  received = "2025-03-07"
  source   = "offer letter from Globex"
  declined = "2025-03-19"

  base         = 215000
  bonus_target = 10

  sign_on {
    year1 = 60000
  }

  equity {
    value    = 440000
    schedule = "even"
  }
}
