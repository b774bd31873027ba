# A large two-year sign-on over a small grant: the pay falls in year 3,
# once the sign-on is gone and before the back-loaded equity makes up
# for it.
offer "amazon_austin" {
  company  = "Amazon"
  level    = "L6"
  track    = "SDE"
  location = "Austin"
  received = "2025-05-12"

  base = 180000

  sign_on {
    year1 = 150000
    year2 = 120000
  }

  equity {
    value    = 300000
    schedule = "amazon"
  }
}
