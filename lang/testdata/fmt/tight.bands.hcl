band "L5" "SDE" "Seattle" {
  base=[150000,190000]
  percentiles=[25,75]
}
cap "L5" {
  base = 200000
}
schedule "front" {
  percent=[40,30,20,10]
}
