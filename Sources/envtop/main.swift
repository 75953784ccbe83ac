print("envtop: under construction")
