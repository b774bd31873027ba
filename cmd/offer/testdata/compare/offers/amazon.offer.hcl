# The Amazon offer and two counters. Round 2 is written first: the latest
# counter is the highest round, not the last block.
offer "amazon" {
  company    = "Amazon"
  level      = "L6"
  track      = "SDE"
  location   = "Seattle"
  start      = "2025-05-05"
  base       = 195000
  relocation = 25000

  sign_on {
    year1 = 110000
    year2 = 90000
  }

  equity {
    value    = 400000
    schedule = "amazon"
  }
}

counter "ask2" {
  offer = offer.amazon
  round = 2
  base  = 205000

  sign_on {
    year1 = 130000
    year2 = 100000
  }

  equity {
    value = 460000
  }
}

counter "ask1" {
  offer = offer.amazon
  round = 1
  base  = 210000

  equity {
    value = 500000
  }
}
