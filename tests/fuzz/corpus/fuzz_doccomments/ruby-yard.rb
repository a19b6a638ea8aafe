# Greets someone.
# @param name [String] who
# @return [String]
# @raise [ArgumentError] if blank
#
def greet(name)
  "hi #{name}"
end
