# The tax tables built into offerkit, for `--after-tax` estimates.
#
# Each jurisdiction block holds one year's figures with its source. A year
# without its own table reuses the newest older one (or the oldest newer
# one), unindexed, and the output says so. A workspace *.tax.hcl file with
# the same code and year replaces a block here; run `offer tax` to see what
# is active and where each figure comes from.
#
# These are estimates, not tax advice: see docs/format.md#after-tax for what
# they leave out. Figures that could not be checked against a stored copy of
# the official publication say so in their source.

jurisdiction "US" "2026" {
  name   = "United States"
  source = "IRS Rev. Proc. 2025-32 (IR-2025-103, October 2025), as reported by two secondary sources that agree (thelighthousecpa.com, wasatchtax.com); Social Security wage base: SSA 2026 COLA fact sheet, as reported by CalChamber (December 2025); Medicare and supplemental withholding rates: IRS Publication 15"

  supplemental_rate      = 22
  supplemental_high_rate = 37
  supplemental_high_over = 1000000

  # 401(k) limits for 2026: IRS Notice 2025-67 (November 2025), as reported
  # by Mondaq and two plan administrators. The ESPP limit is the statute's
  # ($25,000 of stock a year, IRC 423(b)(8)), not indexed.
  retirement_deferral_limit     = 24500
  retirement_compensation_limit = 360000
  espp_purchase_limit           = 25000

  income_tax "single" {
    standard_deduction = 16100
    over               = [0, 12400, 50400, 105700, 201775, 256225, 640600]
    rates              = [10, 12, 22, 24, 32, 35, 37]
  }
  income_tax "married_joint" {
    standard_deduction = 32200
    over               = [0, 24800, 100800, 211400, 403550, 512450, 768700]
    rates              = [10, 12, 22, 24, 32, 35, 37]
  }
  income_tax "married_separate" {
    standard_deduction = 16100
    over               = [0, 12400, 50400, 105700, 201775, 256225, 384350]
    rates              = [10, 12, 22, 24, 32, 35, 37]
  }
  income_tax "head_of_household" {
    standard_deduction = 24150
    over               = [0, 17700, 67450, 105700, 201750, 256200, 640600]
    rates              = [10, 12, 22, 24, 32, 35, 37]
  }

  contribution "social_security" {
    rate      = 6.2
    wage_base = 184500
  }
  contribution "medicare" {
    rate = 1.45
  }
  additional_medicare {
    rate              = 0.9
    single            = 200000
    married_joint     = 250000
    married_separate  = 125000
    head_of_household = 200000
  }
}

jurisdiction "US-CA" "2024" {
  name   = "California"
  source = "FTB 2024 California Tax Rate Schedules X, Y and Z and standard deductions ($5,540 / $11,080); the first three thresholds and the standard deductions were checked against secondary sources, the higher thresholds were not checked against a stored copy of the FTB schedule. The 1% Mental Health Services Tax over $1,000,000 is the last bracket. The personal exemption credit, which phases out at these incomes, is left out. SDI 2026: EDD, as reported by CalChamber and EY (1.3%, no wage limit). Supplemental withholding 10.23% (bonuses and stock options, EDD DE 44): not checked against a stored copy"

  supplemental_rate = 10.23

  income_tax "single" {
    standard_deduction = 5540
    over               = [0, 10756, 25499, 40245, 55866, 70606, 360659, 432787, 721314, 1000000]
    rates              = [1, 2, 4, 6, 8, 9.3, 10.3, 11.3, 12.3, 13.3]
  }
  income_tax "married_joint" {
    standard_deduction = 11080
    over               = [0, 21512, 50998, 80490, 111732, 141212, 721318, 865574, 1000000, 1442628]
    rates              = [1, 2, 4, 6, 8, 9.3, 10.3, 11.3, 12.3, 13.3]
  }
  income_tax "married_separate" {
    standard_deduction = 5540
    over               = [0, 10756, 25499, 40245, 55866, 70606, 360659, 432787, 721314, 1000000]
    rates              = [1, 2, 4, 6, 8, 9.3, 10.3, 11.3, 12.3, 13.3]
  }
  income_tax "head_of_household" {
    standard_deduction = 11080
    over               = [0, 21527, 51000, 65744, 81364, 96107, 490493, 588593, 980987, 1000000]
    rates              = [1, 2, 4, 6, 8, 9.3, 10.3, 11.3, 12.3, 13.3]
  }

  contribution "CA SDI" {
    rate = 1.3
  }
}

jurisdiction "US-NY" "2024" {
  name   = "New York"
  source = "NY Department of Taxation and Finance 2024 rate schedules and standard deductions, as reported by NerdWallet and newyorkincometaxcalculator.com (the same rates apply to 2025). The supplemental tax (the recapture of the lower brackets above $107,650 of income) is left out, which understates the tax of high earners. PFL 2025 (0.388% up to $354.53) and SDI ($0.60 a week): not checked against a stored copy. Supplemental withholding 11.70%: not checked against a stored copy"

  supplemental_rate = 11.7

  income_tax "single" {
    standard_deduction = 8000
    over               = [0, 8500, 11700, 13900, 80650, 215400, 1077550, 5000000, 25000000]
    rates              = [4, 4.5, 5.25, 5.5, 6, 6.85, 9.65, 10.3, 10.9]
  }
  income_tax "married_joint" {
    standard_deduction = 16050
    over               = [0, 17150, 23600, 27900, 161550, 323200, 2155350, 5000000, 25000000]
    rates              = [4, 4.5, 5.25, 5.5, 6, 6.85, 9.65, 10.3, 10.9]
  }
  income_tax "married_separate" {
    standard_deduction = 8000
    over               = [0, 8500, 11700, 13900, 80650, 215400, 1077550, 5000000, 25000000]
    rates              = [4, 4.5, 5.25, 5.5, 6, 6.85, 9.65, 10.3, 10.9]
  }
  income_tax "head_of_household" {
    standard_deduction = 11200
    over               = [0, 12800, 17650, 20900, 107650, 269300, 1616450, 5000000, 25000000]
    rates              = [4, 4.5, 5.25, 5.5, 6, 6.85, 9.65, 10.3, 10.9]
  }

  contribution "NY PFL" {
    rate = 0.388
    max  = 354.53
  }
  contribution "NY SDI" {
    rate = 0.5
    max  = 31.20
  }
}

jurisdiction "US-NY-NYC" "2024" {
  name   = "New York City"
  source = "NYC resident income tax rates (3.078% to 3.876%), as reported by newyorkincometaxcalculator.com and NY DTF; the city taxes New York taxable income, so each schedule carries the state's standard deduction. Thresholds for joint and head-of-household filers were not checked against a stored copy. Supplemental withholding 4.25%: not checked against a stored copy"
  local  = true

  supplemental_rate = 4.25

  income_tax "single" {
    standard_deduction = 8000
    over               = [0, 12000, 25000, 50000]
    rates              = [3.078, 3.762, 3.819, 3.876]
  }
  income_tax "married_joint" {
    standard_deduction = 16050
    over               = [0, 21600, 45000, 90000]
    rates              = [3.078, 3.762, 3.819, 3.876]
  }
  income_tax "married_separate" {
    standard_deduction = 8000
    over               = [0, 12000, 25000, 50000]
    rates              = [3.078, 3.762, 3.819, 3.876]
  }
  income_tax "head_of_household" {
    standard_deduction = 11200
    over               = [0, 14400, 30000, 60000]
    rates              = [3.078, 3.762, 3.819, 3.876]
  }
}

jurisdiction "US-WA" "2025" {
  name   = "Washington"
  source = "No state income tax. Paid Family and Medical Leave 2025: premium 0.92% of wages up to the Social Security wage base, 71.52% of it paid by the employee (0.658%); WA Cares long-term care 0.58% of all wages (RCW 50B.04.080). Neither checked against a stored copy of the ESD publication; the 2026 PFML rate could not be confirmed"

  contribution "WA PFML" {
    rate      = 0.658
    wage_base = 176100
  }
  contribution "WA Cares" {
    rate = 0.58
  }
}

jurisdiction "US-TX" "2026" {
  name   = "Texas"
  source = "No state income tax and no state payroll contribution withheld from wages (Texas Constitution, art. 8, sec. 24-a)"
}

# Where the built-in market locations pay tax. An offer elsewhere says
# tax_region = "US-CO" (and a *.tax.hcl file gives that region's tables);
# without either it is estimated with federal tax only.
hub "Seattle" {
  region = "US-WA"
}
hub "Bay Area" {
  region = "US-CA"
}
hub "NYC" {
  region = "US-NY-NYC"
}
hub "Austin" {
  region = "US-TX"
}
