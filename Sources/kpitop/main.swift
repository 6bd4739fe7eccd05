print("kpitop")
