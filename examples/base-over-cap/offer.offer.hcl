# A draft whose base is above the L6 cap: offerkit reports an error and
# offers to move the excess into the year-1 sign-on.
offer "amazon_l6_draft" {
  company  = "Amazon"
  level    = "L6"
  track    = "SDE"
  location = "Seattle"

  base = 235000

  sign_on {
    year1 = 100000
    year2 = 80000
  }

  equity {
    value    = 380000
    schedule = "amazon"
  }
}
