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
  source   = "email from the recruiter"
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
  unvested_equity   = 120000
  strengths         = ["six years of building payment systems at scale", "experience leading an eight-person platform migration"]
  alternative       = "stay in my current role, where a promotion review is due in June"

  # Prepared before the first call, from 'offer script questions'.
  script "questions" {
    text = <<-EOT
      Q: What are your compensation expectations?
      I would rather not put a number on it before we have the full picture of
      the role. I look forward to seeing your proposal.

      Q: What do you earn today?
      I would like to keep the conversation on this role and its market.
    EOT
  }
}
