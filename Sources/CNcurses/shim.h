// Wide-character ncurses for Swift. The macros and globals that do not import into Swift are
// wrapped here as static inline functions, so no bit value is hard-coded on the Swift side.
#ifndef ENVTOP_CNCURSES_SHIM_H
#define ENVTOP_CNCURSES_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <errno.h>
#include <locale.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#if __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#else
#include <curses.h>
#endif

static inline WINDOW *envtop_stdscr(void) { return stdscr; }
static inline int envtop_lines(void) { return LINES; }
static inline int envtop_cols(void) { return COLS; }
static inline int envtop_colors(void) { return COLORS; }
static inline int envtop_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t envtop_a_bold(void) { return A_BOLD; }
static inline attr_t envtop_a_dim(void) { return A_DIM; }
static inline attr_t envtop_a_underline(void) { return A_UNDERLINE; }
static inline attr_t envtop_a_reverse(void) { return A_REVERSE; }
static inline attr_t envtop_a_italic(void) { return A_ITALIC; }
static inline attr_t envtop_a_normal(void) { return A_NORMAL; }
static inline int envtop_key_resize(void) { return KEY_RESIZE; }
static inline int envtop_key_mouse(void) { return KEY_MOUSE; }
static inline int envtop_ok(void) { return OK; }
static inline int envtop_err(void) { return ERR; }
static inline mmask_t envtop_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline mmask_t envtop_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t envtop_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t envtop_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t envtop_button4_pressed(void) { return BUTTON4_PRESSED; }
#ifdef BUTTON5_PRESSED
static inline mmask_t envtop_button5_pressed(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t envtop_button5_pressed(void) { return 0; }
#endif

/// Writes one cell: a NUL-terminated wide string (base character plus combining marks) with
/// attributes and a colour pair, at (y, x). The pair goes through setcchar's `opts` pointer so
/// pair numbers above 32767 (extended colours) work.
static inline int envtop_put_cell(int y, int x, const wchar_t *wch, attr_t attrs, int pair) {
    cchar_t cc;
    if (setcchar(&cc, wch, attrs, 0, &pair) != OK) return ERR;
    return mvadd_wch(y, x, &cc);
}

static inline int envtop_key_code_yes(void) { return KEY_CODE_YES; }
static inline int envtop_key_f0(void) { return KEY_F0; }

extern int wcwidth(wchar_t);

/// The C library's idea of a character's width (what curses uses): 2, 1, 0, or -1 when it
/// does not know the character.
static inline int envtop_wcwidth(wchar_t c) { return wcwidth(c); }

// From <term.h>, declared here because term.h defines hundreds of short macros (lines,
// columns, tab, bell...) that would leak into this header.
struct term;
extern int setupterm(const char *, int, int *);
extern struct term *set_curterm(struct term *);
extern int del_curterm(struct term *);

/// Looks a terminal type up in terminfo without starting curses, then frees the entry again.
/// Returns 1 when found (filling `colors` and `can_address`: has cursor addressing), 0 when
/// terminfo does not know it, -1 when there is no terminfo database.
static inline int envtop_probe_term(const char *name, int fd, int *colors, int *can_address) {
    int status = 0;
    struct term *previous = set_curterm(NULL);
    if (setupterm(name, fd, &status) != OK || status != 1) {
        struct term *failed = set_curterm(previous);
        if (failed != NULL) del_curterm(failed);
        return status == 1 ? 0 : status;
    }
    *colors = tigetnum("colors");
    char *cup = tigetstr("cup");
    *can_address = cup != NULL && cup != (char *)-1;
    struct term *probe = set_curterm(previous);
    if (probe != NULL) del_curterm(probe);
    return 1;
}

/// A string capability of the current terminal, or NULL when absent or cancelled (tigetstr
/// returns (char *)-1 for names that are not string capabilities).
static inline const char *envtop_tigetstr(const char *name) {
    char *value = tigetstr(name);
    if (value == NULL || value == (char *)-1) return NULL;
    return value;
}

#include <sys/ioctl.h>

/// The window size of a tty (TIOCGWINSZ); -1 when it is not a tty or the size is unknown.
static inline int envtop_window_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

/// Sets a pty's window size (TIOCSWINSZ); used by tests and harnesses that drive a pty.
static inline int envtop_set_window_size(int fd, int rows, int cols) {
    struct winsize ws;
    memset(&ws, 0, sizeof ws);
    ws.ws_row = (unsigned short)rows;
    ws.ws_col = (unsigned short)cols;
    return ioctl(fd, TIOCSWINSZ, &ws);
}

#include <fcntl.h>
#include <stdio.h>

/// Opens a pseudo-terminal pair (for tests and harnesses that drive envtop without a real
/// terminal). Uses /dev/ptmx directly: posix_openpt and friends are hidden from Swift's Glibc
/// module. Returns 0 and both descriptors, or -1.
static inline int envtop_open_pty(int *primary, int *secondary) {
#if defined(TIOCGPTN) && defined(TIOCSPTLCK)
    int fd = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) return -1;
    int unlock = 0;
    unsigned int number = 0;
    if (ioctl(fd, TIOCSPTLCK, &unlock) != 0 || ioctl(fd, TIOCGPTN, &number) != 0) {
        close(fd);
        return -1;
    }
    char name[64];
    snprintf(name, sizeof name, "/dev/pts/%u", number);
    int other = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (other < 0) {
        close(fd);
        return -1;
    }
    *primary = fd;
    *secondary = other;
    return 0;
#else
    (void)primary;
    (void)secondary;
    return -1;
#endif
}

/// The address of the handler currently installed for `sig` (0 = default, 1 = ignore), so
/// tests can check a handler is in place before raising the signal.
static inline unsigned long envtop_signal_handler_address(int sig) {
    struct sigaction current;
    if (sigaction(sig, NULL, &current) != 0) return 0;
    return (unsigned long)current.sa_handler;
}

/// Unblocks `signals` for the calling thread. Threads inherit their creator's mask, and
/// Dispatch worker threads block most signals, so the terminal thread unblocks the ones it
/// handles: then a process-directed SIGWINCH or SIGTERM always has a thread to land on.
static inline int envtop_unblock_signals(const int *signals, int count) {
    sigset_t set;
    sigemptyset(&set);
    for (int i = 0; i < count; ++i) sigaddset(&set, signals[i]);
    return pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

// MARK: - Signal guard
//
// Signal handlers must only do async-signal-safe work, so they live here in C rather than in
// Swift (no runtime calls, no locks, no allocation). The state is `static`, and each object
// file that uses a header's statics gets its own copy, so every Swift call into the guard
// must come from ONE Swift file (SignalGuard.swift).

#define ENVTOP_GUARD_RESET_MAX 512
#define ENVTOP_GUARD_SIGNALS 65

/// Everything the handlers need, prepared before they can run.
struct envtop_guard_state {
    int tty_fd;
    int has_termios;
    struct termios termios;
    char reset[ENVTOP_GUARD_RESET_MAX];
    size_t reset_length;
    int stream_saved[3];
    int stream_replay[3];
    int wake_fd;
    char crash_note[ENVTOP_GUARD_RESET_MAX];
    size_t crash_note_length;
    struct sigaction previous[ENVTOP_GUARD_SIGNALS];
    unsigned char installed[ENVTOP_GUARD_SIGNALS];
};

/// The one guard state. A function-local static, because Swift does not emit a header's
/// file-level static aggregates (they link as undefined), but does emit functions.
static inline struct envtop_guard_state *envtop_guard(void) {
    static struct envtop_guard_state state = {
        .tty_fd = -1, .stream_saved = {-1, -1, -1}, .stream_replay = {-1, -1, -1}, .wake_fd = -1,
    };
    return &state;
}

static inline void envtop_guard_write_all(int fd, const char *bytes, size_t length) {
    while (length > 0) {
        ssize_t n = write(fd, bytes, length);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        bytes += n;
        length -= (size_t)n;
    }
}

/// Crash path: put the terminal back (reset sequence, saved termios), give the standard streams
/// back (replaying what a temporary capture held) so the runtime's crash report reaches the user,
/// then let the previous action (the Swift backtracer, or the default) run, and end the process.
///
/// Standard error stays on the log file when it was captured there: the report lands in the log,
/// and the terminal gets one line naming it. The previous action runs with the signal unblocked
/// (this handler blocks every signal), and the process then dies by the signal whatever that
/// action did: a handler that returns from a signal sent by `kill` would otherwise let a crashed
/// envtop run on.
static void envtop_guard_on_crash(int sig) {
    int fd = envtop_guard()->tty_fd;
    if (fd >= 0) {
        envtop_guard_write_all(fd, envtop_guard()->reset, envtop_guard()->reset_length);
        if (envtop_guard()->has_termios) tcsetattr(fd, TCSANOW, &envtop_guard()->termios);
    }
    for (int stream = 1; stream <= 2; ++stream) {
        int saved = envtop_guard()->stream_saved[stream];
        if (saved < 0) continue;
        int replay = envtop_guard()->stream_replay[stream];
        if (stream == 2 && replay < 0 && envtop_guard()->crash_note_length > 0) continue;
        dup2(saved, stream);
        if (replay >= 0 && lseek(replay, 0, SEEK_SET) == 0) {
            char buffer[512];
            ssize_t n;
            while ((n = read(replay, buffer, sizeof buffer)) > 0) envtop_guard_write_all(stream, buffer, (size_t)n);
        }
    }
    if (fd >= 0 && envtop_guard()->crash_note_length > 0 && envtop_guard()->stream_saved[2] >= 0
        && envtop_guard()->stream_replay[2] < 0) {
        envtop_guard_write_all(fd, envtop_guard()->crash_note, envtop_guard()->crash_note_length);
    }
    if (sig > 0 && sig < ENVTOP_GUARD_SIGNALS && envtop_guard()->installed[sig]) {
        sigaction(sig, &envtop_guard()->previous[sig], NULL);
        envtop_guard()->installed[sig] = 0;
    } else {
        signal(sig, SIG_DFL);
    }
    sigset_t only;
    sigemptyset(&only);
    sigaddset(&only, sig);
    pthread_sigmask(SIG_UNBLOCK, &only, NULL);
    raise(sig);
    signal(sig, SIG_DFL);
    raise(sig);
    _exit(128 + sig);
}

/// Quit, hang-up and resize signals: one byte (the signal number) into the wake pipe, which
/// the terminal thread turns into input. Nothing else happens in signal context.
static void envtop_guard_on_notify(int sig) {
    int saved_errno = errno;
    int fd = envtop_guard()->wake_fd;
    if (fd >= 0) {
        unsigned char byte = (unsigned char)sig;
        ssize_t ignored = write(fd, &byte, 1);
        (void)ignored;
    }
    errno = saved_errno;
}

/// Records the tty fd and its termios now, before curses changes it.
static inline void envtop_guard_save_termios(int tty_fd) {
    envtop_guard()->tty_fd = tty_fd;
    envtop_guard()->has_termios = tcgetattr(tty_fd, &envtop_guard()->termios) == 0;
}

/// Records the bytes that undo curses' terminal modes (from terminfo, once curses is up).
static inline void envtop_guard_set_reset(const char *reset, size_t length) {
    if (length > ENVTOP_GUARD_RESET_MAX) length = ENVTOP_GUARD_RESET_MAX;
    memcpy(envtop_guard()->reset, reset, length);
    envtop_guard()->reset_length = length;
}

/// Restores the termios saved by `envtop_guard_save_termios` (normal exit path, after endwin).
static inline int envtop_guard_restore_termios(void) {
    if (envtop_guard()->tty_fd < 0 || !envtop_guard()->has_termios) return -1;
    return tcsetattr(envtop_guard()->tty_fd, TCSANOW, &envtop_guard()->termios);
}

/// Tells the crash handler where a redirected standard stream (1 or 2) really goes, and which
/// temporary capture to replay into it (-1: none, e.g. when it goes to the log file).
static inline void envtop_guard_set_stream(int stream, int saved_fd, int replay_fd) {
    if (stream < 1 || stream > 2) return;
    envtop_guard()->stream_saved[stream] = saved_fd;
    envtop_guard()->stream_replay[stream] = replay_fd;
}

static inline void envtop_guard_set_wake_fd(int fd) { envtop_guard()->wake_fd = fd; }

/// The line the crash handler writes on the terminal when the report goes to the log file.
static inline void envtop_guard_set_crash_note(const char *note, size_t length) {
    if (length > ENVTOP_GUARD_RESET_MAX) length = ENVTOP_GUARD_RESET_MAX;
    memcpy(envtop_guard()->crash_note, note, length);
    envtop_guard()->crash_note_length = length;
}

/// Installs the crash handler (`crash` != 0) or the notify handler for `sig`, keeping the
/// previous action for `envtop_guard_uninstall`.
static inline int envtop_guard_install(int sig, int crash) {
    if (sig <= 0 || sig >= ENVTOP_GUARD_SIGNALS || envtop_guard()->installed[sig]) return -1;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigfillset(&action.sa_mask);
    if (crash) {
        action.sa_handler = envtop_guard_on_crash;
        action.sa_flags = SA_ONSTACK;
    } else {
        action.sa_handler = envtop_guard_on_notify;
        action.sa_flags = SA_RESTART;
    }
    if (sigaction(sig, &action, &envtop_guard()->previous[sig]) != 0) return -1;
    envtop_guard()->installed[sig] = 1;
    return 0;
}

/// Stops the process with SIGTSTP's default action (what Ctrl-Z does to a cooked-mode program)
/// and returns when it is continued; the handler in place before (ours) is then put back.
static inline void envtop_guard_stop_self(void) {
    struct sigaction stop, saved;
    memset(&stop, 0, sizeof stop);
    stop.sa_handler = SIG_DFL;
    sigemptyset(&stop.sa_mask);
    sigaction(SIGTSTP, &stop, &saved);
    sigset_t only, previous;
    sigemptyset(&only);
    sigaddset(&only, SIGTSTP);
    pthread_sigmask(SIG_UNBLOCK, &only, &previous);
    raise(SIGTSTP);
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    sigaction(SIGTSTP, &saved, NULL);
}

/// Puts back the action that was in place before `envtop_guard_install`.
static inline int envtop_guard_uninstall(int sig) {
    if (sig <= 0 || sig >= ENVTOP_GUARD_SIGNALS || !envtop_guard()->installed[sig]) return -1;
    envtop_guard()->installed[sig] = 0;
    return sigaction(sig, &envtop_guard()->previous[sig], NULL);
}

/// Forgets the tty and streams once the session is over, so a later crash touches nothing.
static inline void envtop_guard_clear(void) {
    envtop_guard()->tty_fd = -1;
    envtop_guard()->has_termios = 0;
    envtop_guard()->reset_length = 0;
    envtop_guard()->crash_note_length = 0;
    for (int i = 0; i < 3; ++i) {
        envtop_guard()->stream_saved[i] = -1;
        envtop_guard()->stream_replay[i] = -1;
    }
}

#endif
