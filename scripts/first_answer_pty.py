#!/usr/bin/env python3
"""CPU time of the first typed answer in a full-screen study session.

Usage: first_answer_pty.py JATTA DECKS DB ANSWER
Starts `JATTA study --practice DECKS --db DB` in an 80x24 pty, reveals and
grades the first (untyped) card, then types ANSWER on the second card and
presses Enter. Prints the process's CPU time (user+sys, ms) spent from the
Enter to the verdict frame, and the CPU time of the start.
"""
import re, os, pty, select, sys, time, fcntl, termios, struct

jatta, decks, db, answer = sys.argv[1:5]
tick = os.sysconf("SC_CLK_TCK")

def cpu_ms(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000.0 / tick

pid, fd = pty.fork()
if pid == 0:
    os.environ["TERM"] = "xterm-256color"
    os.execv(jatta, [jatta, "study", "--practice", decks, "--db", db])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))

screen = b""
def drain(quiet=0.4, limit=60.0):
    """Reads until no output for `quiet` seconds."""
    global screen
    end = time.time() + limit
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], quiet)
        if not r:
            return
        try:
            data = os.read(fd, 65536)
        except OSError:
            return
        if not data:
            return
        screen += data

def wait_for(needle, limit=120.0):
    global screen
    end = time.time() + limit
    while needle.encode() not in screen and time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.5)
        if r:
            try:
                screen += os.read(fd, 65536)
            except OSError:
                break
    return needle.encode() in screen

def show(label):
    if os.environ.get("SHOW"):
        text = re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]", b" ", screen).decode("utf-8", "replace")
        print("==", label, re.sub(r" +", " ", text)[-600:])

def send(keys):
    os.write(fd, keys.encode())

drain(quiet=1.0)
start_cpu = cpu_ms(pid)
show("start")
send(" ")            # reveal the first card
drain()
show("revealed")
send("3")            # grade it Good
drain()
show("graded")
screen = b""
for ch in answer:
    send(ch)
drain()
before = cpu_ms(pid)
screen = b""
send("\r")           # check the typed answer
wait_for("Again")
drain()
after = cpu_ms(pid)
show("verdict")
print(f"start {start_cpu:.0f} ms CPU; first typed answer {after - before:.0f} ms CPU")
sys.stdout.flush()
os.kill(pid, 9)
os.waitpid(pid, 0)
