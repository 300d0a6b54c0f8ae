/*
 * shim: an LD_PRELOAD library that makes I/O calls fail on demand, for
 * tests/faults.sh (STYLE.md rule 20).
 *
 *	DF_FAULT=FUNC:N:ERR[:K]
 *
 * makes the Nth call of FUNC (counted from 1) and every later one fail
 * with errno ERR, or only K calls from the Nth on when K is given.  FUNC
 * is one of the wrapped functions below; ERR is a name such as ENOSPC or
 * EIO, or a number.  A failed close(2) still closes the descriptor, as
 * Linux does on EIO.  For read and write, ERR may also be "short": the
 * call moves half of what it was asked for (at least one byte), for the
 * callers' retry loops; or "zero": it returns 0, an early end of input
 * for read, and for write what POSIX allows only for 0 bytes (coreutils'
 * full_write() takes it for a full disk).
 *
 *	DF_FAULT=count
 *
 * fails nothing and prints the number of calls of each function at exit
 * on the standard error, as one line: "df_fault: read=9 write=4 ...".
 *
 *	DF_FAULT_FD=FD
 *
 * counts (and fails) only the calls of the descriptor functions on FD;
 * rename, renameat, open and mkstemp are always counted.
 *
 * Counters are atomic: a program may read from several threads (dumpscrub
 * decompresses in a thread of its own).  The real functions are looked up
 * with dlsym(RTLD_NEXT) in a constructor.  In a program built with ASan,
 * whose interceptors come first, they call these wrappers in turn.
 *
 * Build: cc -shared -fPIC -O2 -o shim.so shim.c -ldl
 */
#define _GNU_SOURCE

#include <sys/types.h>

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum fn {
	F_READ, F_WRITE, F_CLOSE, F_FSYNC, F_FDATASYNC, F_RENAME, F_RENAMEAT,
	F_OPEN, F_MKSTEMP, F_N
};

static const char *const fn_names[F_N] = {
	"read", "write", "close", "fsync", "fdatasync", "rename", "renameat",
	"open", "mkstemp"
};

static const struct {
	const char	*name;
	int		 num;
} errnos[] = {
	{ "EACCES", EACCES }, { "EAGAIN", EAGAIN }, { "EBADF", EBADF },
	{ "EDQUOT", EDQUOT }, { "EFBIG", EFBIG }, { "EINTR", EINTR },
	{ "EIO", EIO }, { "EMFILE", EMFILE }, { "ENOMEM", ENOMEM },
	{ "ENOSPC", ENOSPC }, { "EPERM", EPERM }, { "EPIPE", EPIPE },
	{ "EROFS", EROFS }, { "EXDEV", EXDEV }
};

/* Not errnos: ERR's "short" and "zero". */
#define ERR_SHORT	(-1)
#define ERR_ZERO	(-2)

static atomic_ulong calls[F_N];
static int	 fault_fn = -1;		/* the function to fail, or -1 */
static int	 counting;		/* DF_FAULT=count */
static unsigned long fault_from = 1;	/* first call to fail */
static unsigned long fault_len;		/* calls to fail, 0 = all */
static int	 fault_err;
static int	 fault_fd = -1;		/* DF_FAULT_FD, -1 = any */

static ssize_t	(*real_read)(int, void *, size_t);
static ssize_t	(*real_write)(int, const void *, size_t);
static int	(*real_close)(int);
static int	(*real_fsync)(int);
static int	(*real_fdatasync)(int);
static int	(*real_rename)(const char *, const char *);
static int	(*real_renameat)(int, const char *, int, const char *);
static int	(*real_open)(const char *, int, ...);
static int	(*real_mkstemp)(char *);

static void
die(const char *what, const char *val)
{
	fprintf(stderr, "df_fault: bad %s: \"%s\"\n", what, val);
	abort();
}

static int
parse_err(const char *s)
{
	size_t i;
	char *end;
	long n;

	if (strcmp(s, "short") == 0)
		return ERR_SHORT;
	if (strcmp(s, "zero") == 0)
		return ERR_ZERO;
	for (i = 0; i < sizeof(errnos) / sizeof(errnos[0]); i++)
		if (strcmp(s, errnos[i].name) == 0)
			return errnos[i].num;
	n = strtol(s, &end, 10);
	if (end == s || *end != '\0' || n <= 0)
		die("errno in DF_FAULT", s);
	return (int)n;
}

/* Parse "FUNC:N:ERR[:K]". */
static void
parse_spec(const char *spec)
{
	char buf[128], *f[4], *p, *end;
	int i, nf;

	if (strlen(spec) >= sizeof(buf))
		die("DF_FAULT", spec);
	memcpy(buf, spec, strlen(spec) + 1);
	p = buf;
	for (nf = 0; p != NULL && nf < 4; nf++)
		f[nf] = strsep(&p, ":");
	if (p != NULL || nf < 3)
		die("DF_FAULT (FUNC:N:ERR[:K])", spec);
	for (i = 0; i < F_N; i++)
		if (strcmp(f[0], fn_names[i]) == 0)
			fault_fn = i;
	if (fault_fn == -1)
		die("function in DF_FAULT", spec);
	fault_from = strtoul(f[1], &end, 10);
	if (end == f[1] || *end != '\0' || fault_from == 0)
		die("call number in DF_FAULT", spec);
	fault_err = parse_err(f[2]);
	if (nf == 4) {
		fault_len = strtoul(f[3], &end, 10);
		if (end == f[3] || *end != '\0' || fault_len == 0)
			die("call count in DF_FAULT", spec);
	}
}

/*
 * var = the next definition of name.  Through memcpy: ISO C has no
 * conversion from dlsym()'s void * to a function pointer.
 */
#define LOOKUP(var, name) do {						\
	void *p_ = dlsym(RTLD_NEXT, name);				\
									\
	if (p_ == NULL)							\
		die("symbol (dlsym)", name);				\
	memcpy(&(var), &p_, sizeof(var));				\
} while (0)

__attribute__((constructor)) static void
shim_init(void)
{
	const char *s;
	char *end;
	long fd;

	LOOKUP(real_read, "read");
	LOOKUP(real_write, "write");
	LOOKUP(real_close, "close");
	LOOKUP(real_fsync, "fsync");
	LOOKUP(real_fdatasync, "fdatasync");
	LOOKUP(real_rename, "rename");
	LOOKUP(real_renameat, "renameat");
	LOOKUP(real_open, "open");
	LOOKUP(real_mkstemp, "mkstemp");

	s = getenv("DF_FAULT");
	if (s != NULL && strcmp(s, "count") == 0)
		counting = 1;
	else if (s != NULL && *s != '\0')
		parse_spec(s);
	s = getenv("DF_FAULT_FD");
	if (s != NULL && *s != '\0') {
		fd = strtol(s, &end, 10);
		if (*end != '\0' || fd < 0 || fd > 65535)
			die("DF_FAULT_FD", s);
		fault_fd = (int)fd;
	}
}

__attribute__((destructor)) static void
shim_fini(void)
{
	char line[512];
	size_t len;
	int i, n;

	if (!counting || real_write == NULL)
		return;
	len = (size_t)snprintf(line, sizeof(line), "df_fault:");
	for (i = 0; i < F_N; i++) {
		n = snprintf(line + len, sizeof(line) - len, " %s=%lu",
		    fn_names[i], atomic_load(&calls[i]));
		if (n < 0 || (size_t)n >= sizeof(line) - len)
			return;
		len += (size_t)n;
	}
	line[len++] = '\n';
	(void)real_write(STDERR_FILENO, line, len);
}

/*
 * Count a call of fn on fd (-1: no descriptor) and say whether it fails:
 * 0 no, 1 with errno set, ERR_SHORT or ERR_ZERO.
 */
static int
fault(enum fn fn, int fd)
{
	unsigned long n;

	if (fd != -1 && fault_fd != -1 && fd != fault_fd)
		return 0;
	n = atomic_fetch_add(&calls[fn], 1) + 1;
	if ((int)fn != fault_fn || n < fault_from ||
	    (fault_len != 0 && n - fault_from >= fault_len))
		return 0;
	if (fault_err < 0)
		return fault_err;
	errno = fault_err;
	return 1;
}

/* Half of n, at least one byte. */
static size_t
half(size_t n)
{
	return n > 1 ? n / 2 : n;
}

ssize_t
read(int fd, void *buf, size_t n)
{
	switch (fault(F_READ, fd)) {
	case 1:
		return -1;
	case ERR_SHORT:
		n = half(n);
		break;
	case ERR_ZERO:
		return 0;
	}
	return real_read(fd, buf, n);
}

ssize_t
write(int fd, const void *buf, size_t n)
{
	switch (fault(F_WRITE, fd)) {
	case 1:
		return -1;
	case ERR_SHORT:
		n = half(n);
		break;
	case ERR_ZERO:
		return 0;
	}
	return real_write(fd, buf, n);
}

int
close(int fd)
{
	int e;

	if (fault(F_CLOSE, fd) == 1) {
		e = errno;
		(void)real_close(fd);
		errno = e;
		return -1;
	}
	return real_close(fd);
}

int
fsync(int fd)
{
	return fault(F_FSYNC, fd) == 1 ? -1 : real_fsync(fd);
}

int
fdatasync(int fd)
{
	return fault(F_FDATASYNC, fd) == 1 ? -1 : real_fdatasync(fd);
}

int
rename(const char *from, const char *to)
{
	return fault(F_RENAME, -1) == 1 ? -1 : real_rename(from, to);
}

int
renameat(int fromdir, const char *from, int todir, const char *to)
{
	return fault(F_RENAMEAT, -1) == 1 ? -1 :
	    real_renameat(fromdir, from, todir, to);
}

int
open(const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode = 0;

	if (flags & (O_CREAT | O_TMPFILE)) {
		va_start(ap, flags);
		mode = (mode_t)va_arg(ap, int);
		va_end(ap);
	}
	return fault(F_OPEN, -1) == 1 ? -1 : real_open(path, flags, mode);
}

int
mkstemp(char *template)
{
	return fault(F_MKSTEMP, -1) == 1 ? -1 : real_mkstemp(template);
}
