# The offer as the recruiter sent it.
offer "amazon_l6" {
  company  = "Amazon"
  level    = "L6"
  track    = "SDE"
  location = "Seattle"
  received = "2025-03-10"
  expires  = "2025-03-17"
  start    = "2025-05-05"

  base = 195000

  sign_on {
    year1 = 110000
    year2 = 90000
  }

  equity {
    value    = 400000
    schedule = "amazon"
  }

  relocation = 25000
}

candidate {
  walk_away         = 300000
  unvested_equity   = 150000
  target_percentile = 75
}
