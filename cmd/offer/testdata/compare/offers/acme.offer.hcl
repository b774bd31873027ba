# More cash, less equity, vesting evenly every quarter.
offer "acme" {
  company      = "Acme Robotics"
  level        = "Senior"
  track        = "SWE"
  location     = "Seattle"
  start        = "2025-06-02"
  base         = 230000
  bonus_target = 15

  sign_on {
    year1 = 60000
  }

  equity {
    value    = 240000
    schedule = "even"
  }
}
