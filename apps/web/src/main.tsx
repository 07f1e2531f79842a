import { render } from "preact";
import { App } from "./App.js";
import { loadFonts } from "./fonts.js";
import { messagesFor } from "./i18n.js";
import { fetchFirstScreen } from "./model/payload.js";
import "./styles.css";

loadFonts();
const root = document.getElementById("app")!;
fetchFirstScreen().then(
  (first) => {
    performance.mark("chiso:first");
    root.textContent = "";
    render(<App first={first} />, root);
    // In the DOM; the overview marks "chiso:overview" once painted.
    performance.mark("chiso:drawn");
  },
  (error: unknown) => {
    // The first screen says which language to use; without it, say it in both.
    const detail = error instanceof Error ? error.message : String(error);
    root.textContent = `${messagesFor("vi").loadFailed(detail)} / ${messagesFor("en").loadFailed(detail)}`;
    root.setAttribute("role", "alert");
  },
);
