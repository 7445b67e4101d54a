"""The one page the phone shows: a big Take photo button, and each card sent with its reading.

Plain HTML with one inline script (allowed by its nonce, nothing else runs). It sends each photo
to ``upload`` and asks ``cards`` every two seconds for what the desktop made of them; both URLs
are relative, so they carry the token of the page's own address. Names read off cards are put in
with ``textContent``: data, never markup.
"""
from __future__ import annotations

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>NetCompanion: send cards</title>
<style nonce="{nonce}">
body {{ font-family: system-ui, sans-serif; margin: 0; padding: 1.2em; background: #f6f7f9; color: #1d2330; }}
h1 {{ font-size: 1.3em; margin: 0 0 .3em; }}
p.hint {{ color: #596273; margin: 0 0 1.2em; }}
label.take {{ position: relative; display: block; text-align: center; padding: 1.1em; font-size: 1.4em; font-weight: 600;
  color: #fff; background: #2563eb; border-radius: .6em; cursor: pointer; }}
label.take input {{ position: absolute; width: 1px; height: 1px; opacity: 0; }}
#message {{ margin: 1em 0; min-height: 1.3em; }}
#message.error {{ color: #b42318; font-weight: 600; }}
ul {{ list-style: none; padding: 0; margin: 0; }}
li {{ display: flex; gap: .8em; align-items: center; background: #fff; border-radius: .5em; padding: .6em .8em;
  margin: .5em 0; box-shadow: 0 1px 2px #0002; }}
li img {{ width: 4.5em; height: 3em; object-fit: cover; border-radius: .3em; background: #e4e7ec; }}
li .state {{ color: #596273; font-size: .9em; }}
li.failed .state {{ color: #b42318; }}
</style>
</head>
<body>
<h1>Send cards to NetCompanion</h1>
<p class="hint">Take one photo per card. Each lands in the Scan inbox on your computer.</p>
<label class="take" id="take">Take photo
  <input id="photo" type="file" accept="image/*" capture="environment">
</label>
<div id="message" role="status"></div>
<ul id="cards"></ul>
<script nonce="{nonce}">
"use strict";
const input = document.getElementById("photo");
const message = document.getElementById("message");
const list = document.getElementById("cards");
let polling = null;
const thumbnails = new Map();  // card number -> the photo as taken, shown beside its reading

function say(text, isError) {{
  message.textContent = text;
  message.className = isError ? "error" : "";
}}

function show(cards) {{
  list.replaceChildren();
  for (const card of cards.slice().reverse()) {{
    const item = document.createElement("li");
    item.className = card.status;
    const picture = document.createElement("img");
    picture.alt = "";
    if (thumbnails.has(card.number)) {{ picture.src = thumbnails.get(card.number); }}
    const text = document.createElement("div");
    const title = document.createElement("div");
    title.textContent = card.name || card.company || ("Card " + card.number);
    const state = document.createElement("div");
    state.className = "state";
    if (card.status === "reading") {{
      state.textContent = "Reading on your computer…";
    }} else if (card.status === "failed") {{
      state.textContent = card.message || "Could not be read";
    }} else {{
      state.textContent = [card.name ? card.company : "", "In the inbox"].filter(Boolean).join(" · ");
    }}
    text.append(title, state);
    item.append(picture, text);
    list.append(item);
  }}
  const waiting = cards.some(card => card.status === "reading");
  if (waiting && polling === null) {{
    polling = setInterval(refresh, 2000);
  }} else if (!waiting && polling !== null) {{
    clearInterval(polling);
    polling = null;
  }}
}}

async function refresh() {{
  try {{
    const answer = await fetch("cards", {{cache: "no-store"}});
    if (answer.ok) {{
      show(await answer.json());
    }} else if (answer.status === 403 || answer.status === 404) {{
      say("NetCompanion stopped listening. Scan the new QR code on your computer.", true);
      if (polling !== null) {{ clearInterval(polling); polling = null; }}
    }}
  }} catch (error) {{
    say("Your computer cannot be reached. Is phone capture still on?", true);
  }}
}}

input.addEventListener("change", async () => {{
  const file = input.files[0];
  if (!file) {{ return; }}
  const form = new FormData();
  form.append("photo", file, "photo");
  say("Sending…", false);
  try {{
    const answer = await fetch("upload", {{method: "POST", body: form}});
    const reply = await answer.json().catch(() => ({{message: "Unexpected answer " + answer.status}}));
    say(reply.message, !answer.ok);
    if (answer.ok && reply.number) {{ thumbnails.set(reply.number, URL.createObjectURL(file)); }}
  }} catch (error) {{
    say("Your computer cannot be reached. Is phone capture still on?", true);
  }}
  input.value = "";
  refresh();
}});
refresh();
</script>
</body>
</html>
"""


def render_page(nonce: str) -> str:
    """The page's HTML, its style and script allowed by ``nonce`` (new for every answer)."""
    return PAGE.format(nonce=nonce)
