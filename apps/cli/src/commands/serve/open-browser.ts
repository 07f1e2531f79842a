import { spawn } from "node:child_process";

/** Opens a URL in the desktop's browser (only on `--open`); failures are ignored: the URL is printed anyway. */
export function openBrowser(url: string): void {
  const [command, args] =
    process.platform === "win32" ? ["cmd", ["/c", "start", "", url]] : process.platform === "darwin" ? ["open", [url]] : ["xdg-open", [url]];
  try {
    const child = spawn(command, args, { stdio: "ignore", detached: true });
    child.on("error", () => {});
    child.unref();
  } catch {
    // No opener on this machine: the printed URL is enough.
  }
}
