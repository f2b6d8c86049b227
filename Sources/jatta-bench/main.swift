print("benchmarks: parse")
