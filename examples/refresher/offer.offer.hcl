# An offer whose recruiter describes yearly refresher grants, a 401(k)
# match, an ESPP and a wellness stipend. offerkit counts the written offer
# as guaranteed pay and the refreshers, the target bonus and the ESPP
# discount as assumed pay, each on its own line: the total keeps meaning
# what the offer states. Try: offer report examples/refresher
offer "globex_staff" {
  company  = "Globex"
  level    = "Staff"
  track    = "SWE"
  location = "Austin"
  received = "2026-04-06"
  start    = "2026-05-04"

  base         = 230000
  bonus_target = 15

  sign_on {
    year1        = 60000
    repay_months = 12
  }

  equity {
    value    = 480000
    schedule = "even"

    refresh {
      value      = 100000
      first_year = 2
      every      = 1
    }
  }

  retirement {
    match = 50
    up_to = 6
  }

  espp {
    discount     = 15
    contribution = 10
  }

  benefit "wellness" {
    yearly = 1200
  }
}
