# Two offers in one workspace: Amazon's, on its back-loaded schedule...
offer "amazon_l6_nyc" {
  company  = "Amazon"
  level    = "L6"
  track    = "SDE"
  location = "NYC"
  received = "2025-02-03"
  expires  = "2025-02-14"

  base = 205000

  sign_on {
    year1 = 120000
    year2 = 100000
  }

  equity {
    value    = 420000
    schedule = "amazon"
  }
}
