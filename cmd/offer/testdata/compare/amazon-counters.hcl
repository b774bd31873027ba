# The two counters of the compare tests' Amazon offer, which is the example's
# (examples/amazon-l6-seattle/offer.offer.hcl) named "amazon": compareOffers
# writes offers/amazon.offer.hcl as that offer followed by this file. Round 2
# is written first: the latest counter is the highest round, not the last block.
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
