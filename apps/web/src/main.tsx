import { render } from "preact";
import { App } from "./App.js";
import { loadFonts } from "./fonts.js";
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
    root.textContent = `Không tải được số liệu / Could not load the figures: ${error instanceof Error ? error.message : String(error)}`;
  },
);
