// libyaml, the reference YAML parser in C (Debian's libyaml-dev). envtop reads its config and
// theme files through it directly rather than through a Swift wrapper that needs all of
// Foundation, which would add some 50 MB to a static binary.
#ifndef ENVTOP_CLIBYAML_SHIM_H
#define ENVTOP_CLIBYAML_SHIM_H
#include <yaml.h>
#endif
