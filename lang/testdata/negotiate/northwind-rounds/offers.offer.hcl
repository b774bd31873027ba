# A negotiation across three rounds against a competing offer. The
# candidate has not recorded unvested equity, so the sign-on script keeps
# a placeholder for it.
offer "contoso_senior" {
  company  = "Contoso"
  level    = "L6"
  track    = "SDE"
  location = "Seattle"
  received = "2025-05-01"
  start    = "2025-06-16"

  base = 190000

  sign_on {
    year1 = 60000
  }

  equity {
    value    = 320000
    schedule = "even"
  }
}

offer "northwind_staff" {
  company  = "Northwind Systems"
  level    = "L6"
  track    = "SDE"
  location = "Seattle"

  base         = 205000
  bonus_target = 10

  equity {
    value    = 360000
    schedule = "even"
  }
}

candidate {
  walk_away = 260000
}
