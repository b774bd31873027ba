# A whole negotiation with Amazon, kept as one file per step:
#   offer.offer.hcl     the offer as received (this file)
#   round1.offer.hcl    the candidate's round-1 counter
#   revision.offer.hcl  Amazon's revised offer, answering round 1
#   round2.offer.hcl    the candidate's round-2 counter
#   final.offer.hcl     Amazon's final version, accepted
#   globex.offer.hcl    a competing offer from another company
#   globex.bands.hcl    the band that competing offer is judged against
# Run: offer timeline examples/full-negotiation
offer "amazon_l6" {
  company  = "Amazon"
  level    = "L6"
  track    = "SDE"
  location = "NYC"
  received = "2025-03-03"
  expires  = "2025-03-21"
  start    = "2025-04-28"

  base = 200000

  sign_on {
    year1 = 110000
    year2 = 90000
  }

  equity {
    value    = 420000
    schedule = "amazon"
  }
}

candidate {
  walk_away         = 330000
  target_percentile = 75
}
