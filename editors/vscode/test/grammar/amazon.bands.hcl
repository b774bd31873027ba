# SYNTAX TEST "source.offer" "band schemas"

band "L6" "SDE" "Seattle" {
# <---- keyword.other.block.offer
#     ^^ entity.name.label.offer
#          ^^^ entity.name.label.offer
#                ^^^^^^^ entity.name.label.offer
  base        = [160000, 220000]
# ^^^^ variable.other.property.offer
#                ^^^^^^ constant.numeric.integer.offer
  percentiles = [25, 75]
}

cap "L6" {
# <--- keyword.other.block.offer
  base = 220000
}

schedule "amazon" {
# <-------- keyword.other.block.offer
  percent = [5, 15, 40, 40]
}

source {
# <------ keyword.other.block.offer
  name  = "masterclass"
  as_of = "2025-02"
#          ^^^^^^^ constant.other.date.offer
}
