counter "first" {
  offer = offer.contoso_senior
  round = 1
  sent  = "2025-05-04"
  base  = 205000

  sign_on {
    year1 = 100000
  }

  equity {
    value = 400000
  }
}

counter "second" {
  offer = offer.contoso_senior
  round = 2
  sent  = "2025-05-12"
  start = "2025-07-28"

  flexibility {
    office_days      = 2
    relocation_items = ["Moving costs", "Temporary housing"]
  }
}

counter "third" {
  offer = offer.contoso_senior
  round = 3
  sent  = "2025-05-20"
  level = "L7"

  promotion {
    level  = "L7"
    months = 12
  }

  bonus {
    guaranteed_year1 = 25000
    refresher        = 40000
  }
}
