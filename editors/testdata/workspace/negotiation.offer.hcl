# A workspace for the headless Neovim test. The Amazon offer has a base above
# the L6 cap and a year-2 total below year 1 (a cliff); the second offer names
# a location with no band. Totals, by hand:
#   amazon_l6: Y1 230000 + 150000 + 5% of 200000 = 390000
#              Y2 230000 + 100000 + 15% of 200000 = 360000  (cliff)
#              Y3 230000 + 40% of 200000 = 310000, Y4 310000
offer "amazon_l6" {
  company  = "Amazon"
  level    = "L6"
  track    = "SDE"
  location = "Seattle"
  received = "2025-03-10"

  base = 230000

  sign_on {
    year1 = 150000
    year2 = 100000
  }

  equity {
    value    = 200000
    schedule = "amazon"
  }
}

offer "other_denver" {
  company  = "Other"
  level    = "L6"
  track    = "SDE"
  location = "Denver"

  base = 180000

  equity {
    value    = 200000
    schedule = "even"
  }
}

counter "round1" {
  offer = offer.amazon_l6
  round = 1
  base  = 220000
}
