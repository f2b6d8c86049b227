"""Closes the terminal under a running jatta, and signals it, on a real pty.

Usage: session_pty.py JATTA WORKDIR

For each session (study full screen, study --plain, quiz full screen,
quiz --plain) and each way of losing the terminal:
  sighup     jatta is the terminal's controlling process: the kernel sends it
             SIGHUP when the terminal goes;
  nocontrol  another process (ignoring SIGHUP) leads the terminal's session
             and jatta is only its foreground job: no SIGHUP comes;
  ignored    jatta is the controlling process but starts with SIGHUP ignored
             (as under nohup): only the terminal itself says it is gone;
the master side is closed once jatta is under way (for study, after one
answer), and jatta must exit within 2 s with status 129 having used under
0.1 s of CPU time after the terminal went (a jatta spinning on a dead
terminal uses a second a second; counted from the start, the CPU time of
starting a debug build on a busy machine was the larger part), and the
answer must be in the store. The exit time and the CPU time after the close
of each run are printed.

Then each stop signal is sent to a session on a live terminal: it must end
within 1 s with status 128+N, without a crash report, and the full screen
must leave the alternate screen and show the cursor again.
"""
import fcntl
import json
import os
import select
import signal
import sqlite3
import struct
import sys
import termios
import time

JATTA, WORK = sys.argv[1], sys.argv[2]
DECK = os.path.join(WORK, "capitals.deck")
failures = []


def env():
    e = dict(os.environ)
    e.update(TERM="xterm", LANG="C.UTF-8", LC_ALL="C.UTF-8", JATTA_LANG="en")
    e.pop("TMUX", None)
    return e


def spawn(argv, way, db):
    """Starts jatta on a new pty. Returns (master fd, result pipe fd)."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    result_r, result_w = os.pipe()
    reporter = os.fork()
    if reporter == 0:
        try:
            os.close(master)
            os.close(result_r)
            if way == "nocontrol":
                # This reporter leads the session and holds the terminal,
                # ignoring SIGHUP; jatta runs as its foreground job.
                os.setsid()
                fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
                signal.signal(signal.SIGHUP, signal.SIG_IGN)
            pid = os.fork()
            if pid == 0:
                if way == "nocontrol":
                    os.setpgid(0, 0)
                    signal.signal(signal.SIGTTOU, signal.SIG_IGN)
                    os.tcsetpgrp(slave, os.getpgrp())
                    signal.signal(signal.SIGTTOU, signal.SIG_DFL)
                    signal.signal(signal.SIGHUP, signal.SIG_DFL)
                else:
                    os.setsid()
                    fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
                    if way == "ignored":
                        signal.signal(signal.SIGHUP, signal.SIG_IGN)
                for fd in (0, 1, 2):
                    os.dup2(slave, fd)
                os.close(slave)
                os.execve(JATTA, [JATTA] + argv + (["--db", db] if db else []), env())
            os.close(slave)
            os.write(result_w, b"%d\n" % pid)
            _, status, usage = os.wait4(pid, 0)
            ended = time.monotonic()
            os.write(result_w, json.dumps({
                "status": status, "ended": ended,
                "cpu": usage.ru_utime + usage.ru_stime}).encode())
        finally:
            os._exit(0)
    os.close(slave)
    os.close(result_w)
    # The reporter first says jatta's pid, so a jatta that does not end can
    # be killed (it leads its own process group).
    first = b""
    while not first.endswith(b"\n"):
        chunk = os.read(result_r, 1)
        if not chunk:
            break
        first += chunk
    jatta_pids[reporter] = int(first or b"0")
    return master, result_r, reporter


class Screen:
    def __init__(self, master):
        self.master = master
        self.text = b""

    def pump(self, seconds):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:
                    return
                if not chunk:
                    return
                self.text += chunk

    def wait_for(self, needle, seconds=10):
        end = time.monotonic() + seconds
        start = len(self.text)
        while time.monotonic() < end:
            if needle.encode() in self.text[max(0, start - 200):]:
                return True
            self.pump(0.1)
        raise RuntimeError("timed out waiting for %r; got %r" % (needle, self.text[-600:]))

    def send(self, data):
        os.write(self.master, data.encode())


def result(pipe, seconds):
    """The reporter's record of jatta's end, or None if it did not end."""
    ready, _, _ = select.select([pipe], [], [], seconds)
    if not ready:
        return None
    data = b""
    while True:
        chunk = os.read(pipe, 4096)
        if not chunk:
            break
        data += chunk
    return json.loads(data) if data else None


def exit_code(status):
    if os.WIFEXITED(status):
        return os.WEXITSTATUS(status)
    return "signal %d" % os.WTERMSIG(status)


SESSIONS = {
    "study": ["study", DECK],
    "study --plain": ["study", "--plain", DECK],
    "quiz": ["quiz", "--practice", "--seed", "3", DECK],
    "quiz --plain": ["quiz", "--plain", "--practice", "--seed", "3", DECK],
}


def get_going(name, screen, db):
    """Brings the session to a point where one answer is saved (study), or
    to its first question (quiz). Returns how many answers the store must hold."""
    if name == "study":
        screen.wait_for("All decks")
        screen.send("\r")
    screen.wait_for("Capital of")
    if name == "study":
        screen.send(" ")
        screen.wait_for("Again")
        screen.send("3")
        wait_saved(db, screen)
        return 1
    if name == "study --plain":
        screen.send("\n")
        screen.wait_for("Again")
        screen.send("3\n")
        wait_saved(db, screen)
        return 1
    return 0


def wait_saved(db, screen, seconds=10):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if answers_saved(db) > 0:
            return
        screen.pump(0.1)
    raise RuntimeError("the answer never reached the store")


def answers_saved(db):
    if not os.path.exists(db):
        return 0
    with sqlite3.connect(db) as c:
        return c.execute("SELECT count(*) FROM review_log WHERE kind IN ('study', 'quiz')").fetchone()[0]


jatta_pids = {}


def kill_leftover(reporter):
    """Kills what is left of a run: jatta's process group (a jatta that did
    not end must not spin on after the test) and the reporter."""
    jatta = jatta_pids.pop(reporter, 0)
    if jatta > 0:
        try:
            os.killpg(jatta, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    try:
        os.kill(reporter, signal.SIGKILL)
    except ProcessLookupError:
        pass
    try:
        os.waitpid(reporter, 0)
    except ChildProcessError:
        pass


def cpu_so_far(pid):
    """The CPU time (user and system, in seconds) process `pid` has used,
    from /proc; 0 when it is gone."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    # utime and stime: fields 14 and 15 of the line, 12 and 13 after the name.
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def check_end(label, columns, ended, since, limit, status, cpu_before):
    """Prints a run's exit time and the CPU time it used after `since`
    (`cpu_before` then) and records what is wrong with them; False when
    jatta did not end at all."""
    if ended is None:
        failures.append("%s: still running 3 s later" % label)
        print("%-14s %-10s %8s %9s %6s" % (columns + (">3", "?", "-")))
        return False
    took = ended["ended"] - since
    code = exit_code(ended["status"])
    cpu = ended["cpu"] - cpu_before
    print("%-14s %-10s %8.3f %9.3f %6s" % (columns + (took, cpu, code)))
    if took > limit:
        failures.append("%s: took %.2f s to exit" % (label, took))
    if cpu >= 0.1:
        failures.append("%s: used %.3f s of CPU after it" % (label, cpu))
    if code != status:
        failures.append("%s: exit status %s, not %d" % (label, code, status))
    return True


def hang_up_runs():
    print("%-14s %-10s %8s %9s %6s" % ("session", "way", "exit s", "cpu s", "status"))
    run = 0
    for name, argv in SESSIONS.items():
        for way in ("sighup", "nocontrol", "ignored"):
            run += 1
            db = os.path.join(WORK, "hangup-%d.sqlite" % run)
            master, pipe, reporter = spawn(argv, way, db)
            screen = Screen(master)
            label = "%s / %s" % (name, way)
            try:
                expected = get_going(name, screen, db)
            except RuntimeError as e:
                failures.append("%s: %s" % (label, e))
                os.close(master)
                kill_leftover(reporter)
                continue
            cpu_before = cpu_so_far(jatta_pids[reporter])
            closed = time.monotonic()
            os.close(master)
            ended = result(pipe, 3)
            kill_leftover(reporter)
            if not check_end(label, (name, way), ended, closed, 2, 129, cpu_before):
                continue
            saved = answers_saved(db)
            if saved < expected:
                failures.append("%s: %d answers in the store, %d given" % (label, saved, expected))


STOP_SIGNALS = [("SIGTERM", signal.SIGTERM), ("SIGINT", signal.SIGINT), ("SIGQUIT", signal.SIGQUIT),
                ("SIGABRT", signal.SIGABRT)]
FULL_SCREEN_ONLY = [("SIGPIPE", signal.SIGPIPE), ("SIGUSR1", signal.SIGUSR1), ("SIGALRM", signal.SIGALRM)]


def signal_and_wait(master, pipe, screen, number):
    """Sends `number` to the process leading the pty's session (jatta) and
    waits up to 3 s for its end. Returns when it was sent and the end."""
    pgid = os.tcgetpgrp(master)
    # Never our own group: a jatta that already left must not take us along.
    if pgid <= 0 or pgid == os.getpgrp():
        return time.monotonic(), None
    sent = time.monotonic()
    os.kill(pgid, number)
    ended = None
    deadline = time.monotonic() + 3
    while ended is None and time.monotonic() < deadline:
        screen.pump(0.05)
        ended = result(pipe, 0)
    return sent, ended


def signal_runs():
    print()
    print("%-14s %-10s %8s %9s %6s" % ("session", "signal", "exit s", "cpu s", "status"))
    run = 0
    for name, argv in SESSIONS.items():
        signals = STOP_SIGNALS + (FULL_SCREEN_ONLY if "plain" not in name else [])
        for signame, number in signals:
            run += 1
            db = os.path.join(WORK, "signal-%d.sqlite" % run)
            master, pipe, reporter = spawn(argv, "sighup", db)
            screen = Screen(master)
            label = "%s / %s" % (name, signame)
            try:
                get_going(name, screen, db)
            except RuntimeError as e:
                failures.append("%s: %s" % (label, e))
                os.close(master)
                kill_leftover(reporter)
                continue
            mark = len(screen.text)
            cpu_before = cpu_so_far(jatta_pids[reporter])
            sent, ended = signal_and_wait(master, pipe, screen, number)
            screen.pump(0.2)
            os.close(master)
            kill_leftover(reporter)
            if not check_end(label, (name, signame), ended, sent, 1, 128 + number, cpu_before):
                continue
            after = screen.text[mark:]
            if b"crashed" in after or b"Backtrace" in after or b"Thread 0" in after:
                failures.append("%s: a crash report was written" % label)
            if "plain" not in name:
                # What counts is the last word on each: alternate screen
                # left, cursor shown.
                out = screen.text
                if out.rfind(b"\x1b[?1049l") < out.rfind(b"\x1b[?1049h"):
                    failures.append("%s: the alternate screen was not left" % label)
                if out.rfind(b"\x1b[?25h") < out.rfind(b"\x1b[?25l"):
                    failures.append("%s: the cursor was left hidden" % label)


def replay_runs():
    """Ctrl-\\ and SIGABRT during `fsrs replay` reading the terminal: the
    process ends at once (as the system ends it), without the runtime's
    interactive crash reporter waiting on the terminal."""
    print()
    for signame, number in (("SIGQUIT", signal.SIGQUIT), ("SIGABRT", signal.SIGABRT)):
        master, pipe, reporter = spawn(["fsrs", "replay"], "sighup", None)
        screen = Screen(master)
        screen.pump(1.0)
        sent, ended = signal_and_wait(master, pipe, screen, number)
        os.close(master)
        kill_leftover(reporter)
        label = "fsrs replay / %s" % signame
        if ended is None:
            failures.append("%s: still running 3 s after the signal" % label)
            print("%-14s %-10s %8s" % ("fsrs replay", signame, ">3"))
            continue
        took = ended["ended"] - sent
        print("%-14s %-10s %8.3f %9.3f %6s" % ("fsrs replay", signame, took, ended["cpu"], exit_code(ended["status"])))
        if took > 1 or ended["cpu"] >= 0.2:
            failures.append("%s: %.2f s, %.3f s CPU" % (label, took, ended["cpu"]))
        if b"Press space to interact" in screen.text:
            failures.append("%s: the crash reporter took the terminal" % label)


hang_up_runs()
signal_runs()
replay_runs()
if failures:
    print()
    for f in failures:
        print("FAIL: " + f, file=sys.stderr)
    sys.exit(1)
print("\nall sessions ended cleanly")
