# The same Amazon L6 package offered for two locations. Before tax NYC
# pays a little more; after tax Seattle keeps more, because Washington has
# no income tax and New York State and City do. Try:
#   offer compare --after-tax examples/after-tax-seattle-vs-nyc
offer "seattle" {
  company  = "Amazon"
  level    = "L6"
  track    = "SDE"
  location = "Seattle"
  received = "2026-02-02"
  start    = "2026-03-02"

  base = 200000

  sign_on {
    year1 = 100000
    year2 = 80000
  }

  equity {
    value    = 420000
    schedule = "amazon"
  }
}

offer "nyc" {
  company  = "Amazon"
  level    = "L6"
  track    = "SDE"
  location = "NYC"
  received = "2026-02-02"
  start    = "2026-03-02"

  base = 210000

  sign_on {
    year1 = 100000
    year2 = 80000
  }

  equity {
    value    = 420000
    schedule = "amazon"
  }
}

candidate {
  filing_status = "single"
}
