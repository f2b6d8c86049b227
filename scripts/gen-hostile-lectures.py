#!/usr/bin/env python3
"""Writes the hostile lecture files of issue 19 into a folder, at a scale:
lt.txt (text with many `<` and no `>`), page.html (an HTML page of many
paragraphs), line.txt (one line of text), labels.txt (a section heading
and one line of level labels, each taken for a question: once quadratic,
4 s a megabyte and growing), all about SCALE megabytes, and controls.html
(entities that decode to control characters).
Usage: gen-hostile-lectures.py DIR SCALE_MB"""
import os
import sys

out, scale = sys.argv[1], float(sys.argv[2])
size = int(scale * 1024 * 1024)
sentence = "Халықаралық қатынастар жүйесі өзгеруде, ал мемлекеттер жаңа тепе-теңдік іздейді. "
with open(os.path.join(out, "lt.txt"), "w", encoding="utf-8") as f:
    unit = "Мәтін < "
    f.write(unit * (size // len(unit.encode())))
with open(os.path.join(out, "page.html"), "w", encoding="utf-8") as f:
    f.write("<html><body><h1>Дәріс 1. Сынақ</h1>\n")
    para = "<p><strong>Режим</strong> &ndash; " + sentence * 3 + "</p>\n"
    f.write(para * (size // len(para.encode())))
    f.write("</body></html>\n")
with open(os.path.join(out, "line.txt"), "w", encoding="utf-8") as f:
    f.write(sentence * (size // len(sentence.encode())))
with open(os.path.join(out, "labels.txt"), "w", encoding="utf-8") as f:
    label = "1–деңгейлік сұрақ. "
    f.write("Деңгейлік тапсырмалар\n" + label * (size // len(label.encode())) + "\n")
with open(os.path.join(out, "controls.html"), "w", encoding="utf-8") as f:
    f.write("<p>Режим&#0; &ndash; мемлекеттердің&#7; ережелер&#x9B; жиынтығы&#x1B;.</p>\n")
    f.write("<p>1&ndash;деңгейлік сұрақ. Режим&#27;[2J&#27;]0;title&#7; дегеніміз не?</p>\n")
