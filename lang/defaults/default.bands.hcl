# The market data built into offerkit.
#
# Bands, caps and the amazon schedule carry the figures of the Amazon L6/L7
# negotiation masterclass that offerkit started from (its "2024-2025"
# ranges, recorded here as of 2025-01). A workspace *.bands.hcl file with
# the same labels replaces any of them; run `offer bands` to see what is
# active and where each figure comes from.
#
# Every band and cap here names Amazon: they judge only offers whose company
# is Amazon (compared ignoring case and a trailing ".com"). The schedule
# presets serve every company.
#
# Where public reporting disagrees with the masterclass, the source strings
# below say so; the masterclass figures stay the defaults.

source {
  name  = "Amazon L6/L7 negotiation masterclass, 2024-2025 compensation ranges"
  as_of = "2025-01"
}

band "L6" "SDE" "Seattle" {
  company     = "Amazon"
  base        = [180000, 220000]
  equity      = [300000, 500000]
  sign_on     = [100000, 200000]
  year1_total = [230000, 320000]
  source      = "masterclass 2024-2025 ranges"
}

band "L6" "SDE" "Bay Area" {
  company     = "Amazon"
  base        = [190000, 240000]
  equity      = [350000, 600000]
  sign_on     = [120000, 250000]
  year1_total = [250000, 365000]
  source      = "masterclass 2024-2025 ranges"
}

band "L6" "SDE" "NYC" {
  company     = "Amazon"
  base        = [185000, 230000]
  equity      = [320000, 550000]
  sign_on     = [110000, 220000]
  year1_total = [240000, 340000]
  source      = "masterclass 2024-2025 ranges"
}

band "L6" "SDE" "Austin" {
  company     = "Amazon"
  base        = [170000, 210000]
  equity      = [280000, 450000]
  sign_on     = [90000, 180000]
  year1_total = [215000, 300000]
  source      = "masterclass 2024-2025 ranges"
}

band "L7" "SDE" "Seattle" {
  company     = "Amazon"
  base        = [250000, 350000]
  equity      = [800000, 1500000]
  sign_on     = [200000, 400000]
  year1_total = [350000, 550000]
  source      = "masterclass 2024-2025 ranges (L7 senior/principal)"
}

band "L7" "SDE" "Bay Area" {
  company     = "Amazon"
  base        = [270000, 350000]
  equity      = [900000, 1800000]
  sign_on     = [250000, 500000]
  year1_total = [395000, 600000]
  source      = "masterclass 2024-2025 ranges (L7 senior/principal)"
}

cap "L6" {
  company = "Amazon"
  base   = 220000
  source = "masterclass (\"most markets\"); no public per-level L6 cap is known, so treat it as the masterclass's estimate"
}

cap "L7" {
  company = "Amazon"
  base   = 350000
  source = "masterclass; public reporting (February 2022) describes $350,000 as Amazon's company-wide base maximum, not an L7-specific cap"
}

schedule "amazon" {
  percent = [5, 15, 40, 40]
  cadence = [1, 1, 2, 2]
  source  = "masterclass 5/15/40/40; vests yearly in years 1-2 and every six months in years 3-4"
}

schedule "even" {
  percent = [25, 25, 25, 25]
  cadence = [4]
  source  = "a plain four-year schedule, vesting quarterly"
}

schedule "google" {
  percent = [33, 33, 22, 12]
  cadence = [12]
  source  = "front-loaded grant schedule reported for Google new-hire grants from 2022, vesting monthly"
}

schedule "meta" {
  percent = [25, 25, 25, 25]
  cadence = [4]
  source  = "even four-year schedule vesting quarterly, as reported for Meta new-hire grants"
}
