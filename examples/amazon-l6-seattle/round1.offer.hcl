# Round 1: ask for more sign-on and a larger grant, base stays under the cap.
counter "round1" {
  offer = offer.amazon_l6
  round = 1
  sent  = "2025-03-12"
  base  = 210000

  sign_on {
    year1 = 150000
    year2 = 120000
  }

  equity {
    value = 500000
  }
}
