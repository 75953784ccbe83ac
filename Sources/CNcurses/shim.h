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
#include <locale.h>
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

/// Frees the terminfo entry a probe (`setupterm`) loaded, so probing leaves no global state.
static inline void envtop_release_probe(void) {
    TERMINAL *probe = set_curterm(NULL);
    if (probe != NULL) del_curterm(probe);
}

// MARK: - Signal guard
//
// Signal handlers must only do async-signal-safe work, so they live here in C rather than in
// Swift (no runtime calls, no locks, no allocation). The state below is `static`: every Swift
// call into the guard must come from ONE Swift file (SignalGuard.swift) so all calls see the
// same copy.

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#define ENVTOP_GUARD_RESET_MAX 512
#define ENVTOP_GUARD_SIGNALS 65

static int envtop_guard_tty_fd = -1;
static int envtop_guard_has_termios = 0;
static struct termios envtop_guard_termios;
static char envtop_guard_reset[ENVTOP_GUARD_RESET_MAX];
static size_t envtop_guard_reset_length = 0;
static int envtop_guard_stream_saved[3] = {-1, -1, -1};
static int envtop_guard_stream_replay[3] = {-1, -1, -1};
static int envtop_guard_wake_fd = -1;
static struct sigaction envtop_guard_previous[ENVTOP_GUARD_SIGNALS];
static unsigned char envtop_guard_installed[ENVTOP_GUARD_SIGNALS];

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
/// back (replaying what a temporary capture held) so the runtime's crash report reaches the
/// user, then re-raise with the previous action (the Swift backtracer or the default).
static void envtop_guard_on_crash(int sig) {
    int fd = envtop_guard_tty_fd;
    if (fd >= 0) {
        envtop_guard_write_all(fd, envtop_guard_reset, envtop_guard_reset_length);
        if (envtop_guard_has_termios) tcsetattr(fd, TCSANOW, &envtop_guard_termios);
    }
    for (int stream = 1; stream <= 2; ++stream) {
        int saved = envtop_guard_stream_saved[stream];
        if (saved < 0) continue;
        dup2(saved, stream);
        int replay = envtop_guard_stream_replay[stream];
        if (replay >= 0 && lseek(replay, 0, SEEK_SET) == 0) {
            char buffer[512];
            ssize_t n;
            while ((n = read(replay, buffer, sizeof buffer)) > 0) envtop_guard_write_all(stream, buffer, (size_t)n);
        }
    }
    if (sig > 0 && sig < ENVTOP_GUARD_SIGNALS && envtop_guard_installed[sig]) {
        sigaction(sig, &envtop_guard_previous[sig], NULL);
        envtop_guard_installed[sig] = 0;
    } else {
        signal(sig, SIG_DFL);
    }
    raise(sig);
}

/// Quit, hang-up and resize signals: one byte (the signal number) into the wake pipe, which
/// the terminal thread turns into input. Nothing else happens in signal context.
static void envtop_guard_on_notify(int sig) {
    int saved_errno = errno;
    int fd = envtop_guard_wake_fd;
    if (fd >= 0) {
        unsigned char byte = (unsigned char)sig;
        ssize_t ignored = write(fd, &byte, 1);
        (void)ignored;
    }
    errno = saved_errno;
}

/// Records what the crash handler needs: the tty fd, its termios now (before curses changes
/// it) and the bytes that undo curses' terminal modes.
static inline void envtop_guard_prepare(int tty_fd, const char *reset, size_t length) {
    envtop_guard_tty_fd = tty_fd;
    envtop_guard_has_termios = tcgetattr(tty_fd, &envtop_guard_termios) == 0;
    if (length > ENVTOP_GUARD_RESET_MAX) length = ENVTOP_GUARD_RESET_MAX;
    memcpy(envtop_guard_reset, reset, length);
    envtop_guard_reset_length = length;
}

/// Restores the termios saved by `envtop_guard_prepare` (normal exit path, after endwin).
static inline int envtop_guard_restore_termios(void) {
    if (envtop_guard_tty_fd < 0 || !envtop_guard_has_termios) return -1;
    return tcsetattr(envtop_guard_tty_fd, TCSANOW, &envtop_guard_termios);
}

/// Tells the crash handler where a redirected standard stream (1 or 2) really goes, and which
/// temporary capture to replay into it (-1: none, e.g. when it goes to the log file).
static inline void envtop_guard_set_stream(int stream, int saved_fd, int replay_fd) {
    if (stream < 1 || stream > 2) return;
    envtop_guard_stream_saved[stream] = saved_fd;
    envtop_guard_stream_replay[stream] = replay_fd;
}

static inline void envtop_guard_set_wake_fd(int fd) { envtop_guard_wake_fd = fd; }

/// Installs the crash handler (`crash` != 0) or the notify handler for `sig`, keeping the
/// previous action for `envtop_guard_uninstall`.
static inline int envtop_guard_install(int sig, int crash) {
    if (sig <= 0 || sig >= ENVTOP_GUARD_SIGNALS || envtop_guard_installed[sig]) return -1;
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
    if (sigaction(sig, &action, &envtop_guard_previous[sig]) != 0) return -1;
    envtop_guard_installed[sig] = 1;
    return 0;
}

/// Puts back the action that was in place before `envtop_guard_install`.
static inline int envtop_guard_uninstall(int sig) {
    if (sig <= 0 || sig >= ENVTOP_GUARD_SIGNALS || !envtop_guard_installed[sig]) return -1;
    envtop_guard_installed[sig] = 0;
    return sigaction(sig, &envtop_guard_previous[sig], NULL);
}

/// Forgets the tty and streams once the session is over, so a later crash touches nothing.
static inline void envtop_guard_clear(void) {
    envtop_guard_tty_fd = -1;
    envtop_guard_has_termios = 0;
    envtop_guard_reset_length = 0;
    for (int i = 0; i < 3; ++i) {
        envtop_guard_stream_saved[i] = -1;
        envtop_guard_stream_replay[i] = -1;
    }
}

#endif
