# ...and a competing offer on a front-loaded schedule, with a cash bonus.
# Northwind's levels are not in the built-in bands; northwind.bands.hcl
# adds the band this offer is judged against.
offer "northwind_staff" {
  company  = "Northwind Systems"
  level    = "Staff"
  track    = "SWE"
  location = "NYC"
  received = "2025-02-05"

  base         = 225000
  bonus_target = 15

  sign_on {
    year1 = 50000
  }

  equity {
    value    = 480000
    schedule = "google"
  }
}

candidate {
  walk_away         = 320000
  unvested_equity   = 90000
  target_percentile = 75
}
