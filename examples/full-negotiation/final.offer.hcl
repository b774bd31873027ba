# Amazon's final version, accepted. It grants part of the round-2 ask.
offer "amazon_l6_final" {
  revises  = offer.amazon_l6_r2
  received = "2025-03-18"
  source   = "offer letter from the recruiter"
  accepted = "2025-03-19"

  sign_on {
    year1 = 120000
    year2 = 100000
  }
}
