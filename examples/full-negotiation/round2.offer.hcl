# Round 2 answers the revised offer: one lever, the sign-on.
counter "round2" {
  offer = offer.amazon_l6_r2
  round = 2
  sent  = "2025-03-13"

  reasons = {
    sign_on = "the revised offer moved base and equity but left the sign-on where it was"
  }

  sign_on {
    year1 = 130000
    year2 = 100000
  }

  email "accept" {
    subject = "Accepting the Amazon offer - Alex Doe"
    body    = <<-EOT
      Dear Jordan,

      Thank you for working through the offer with me, and for the changes to
      the base salary, sign-on bonus and equity grant.

      I am glad to accept the offer to join Amazon on these terms:

      - Level: L6 SDE, NYC
      - Base salary: $210,000 a year
      - Sign-on bonus: $120,000 in year 1 and $100,000 in year 2
      - Equity grant: $460,000, vesting 5/15/40/40 over four years
      - Start date: 2025-04-28

      Could you send me the offer letter with these terms, so that I can sign
      it?

      Best regards,
      Alex Doe
    EOT
  }
}
