# Amazon's answer to round 1: a revised offer. It restates only what
# changed; everything else is inherited from offer.amazon_l6.
offer "amazon_l6_r2" {
  revises  = offer.amazon_l6
  received = "2025-03-11"
  source   = "email from the recruiter"
  expires  = "2025-03-21"

  base = 210000

  equity {
    value = 460000
  }
}
