/* status.c - descriptions of np_status codes for messages. */
#include "newsprep/common.h"

/* Returns a short English description of an np_status value. */
const char *
np_strerror(int status)
{
	switch (status) {
	case NP_OK:
		return "success";
	case NP_ENOMEM:
		return "out of memory";
	case NP_ELIMIT:
		return "pattern match limit exceeded";
	case NP_EINVAL:
		return "invalid argument";
	case NP_ETOOBIG:
		return "document larger than --max-doc-size";
	case NP_EIO:
		return "input/output error";
	}
	return "unknown error";
}
