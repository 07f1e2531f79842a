import { render } from "preact";
import { App } from "./App.js";
import { loadFonts } from "./fonts.js";
import { messagesFor } from "./i18n.js";
import { fetchPayload } from "./model/payload.js";
import "./styles.css";

loadFonts();
const root = document.getElementById("app")!;
fetchPayload().then(
  (payload) => {
    performance.mark("chiso:payload");
    root.textContent = "";
    render(<App payload={payload} />, root);
  },
  (error: unknown) => {
    // The payload says which language to use; without it, say it in both.
    const detail = error instanceof Error ? error.message : String(error);
    root.textContent = `${messagesFor("vi").loadFailed(detail)} / ${messagesFor("en").loadFailed(detail)}`;
    root.setAttribute("role", "alert");
  },
);
