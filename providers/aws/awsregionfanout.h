#pragma once

// The fan-out over regions now lives in core (RegionFanOut), shared with OpenStack.
#include "regionfanout.h"

namespace AwsRegionFanOut = RegionFanOut;
