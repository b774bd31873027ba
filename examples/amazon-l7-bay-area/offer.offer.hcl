# An L7 offer in the Bay Area. The grant is stated in shares, as offer
# letters often do; offerkit shows what it is worth in dollars.
offer "amazon_l7" {
  company  = "Amazon"
  level    = "L7"
  track    = "SDE"
  location = "Bay Area"
  received = "2025-04-02"
  start    = "2025-06-02"

  base = 300000

  sign_on {
    year1 = 300000
    year2 = 250000
  }

  equity {
    shares   = 6000
    price    = 200.00
    schedule = "amazon"
    growth   = 5 # assume the stock gains 5% a year
  }
}
