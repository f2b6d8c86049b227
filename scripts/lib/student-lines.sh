# Sourced by process tests and fixture makers: `student_lines SEED N` prints
# a stream of lines a student might type into `study --plain`: a start, N
# reveals, ratings and the command letters u (undo), b (bury) and !
# (suspend) among them, drawn from bash's RANDOM seeded with SEED, then two
# q to leave.
student_lines() {
    local seed=$1 n=$2 i
    RANDOM=$seed
    echo
    for ((i = 0; i < n; i++)); do
        case $((RANDOM % 12)) in
        0) echo u ;;
        1) echo b ;;
        2) echo '!' ;;
        3 | 4) echo 1 ;;
        5 | 6) echo 2 ;;
        *) echo ;;
        esac
    done
    echo q
    echo q
}
