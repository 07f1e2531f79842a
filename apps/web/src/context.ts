import type { Language } from "@chiso/core";
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import { messagesFor, type Messages } from "./i18n.js";
import type { Model } from "./model/model.js";

export interface ViewerState {
  readonly model: Model;
  readonly language: Language;
  readonly period: string;
  /** A link to a view that keeps the period and language. */
  readonly link: (path: readonly string[], query?: Record<string, string | undefined>) => string;
}

export const ViewerContext = createContext<ViewerState | null>(null);

export function useViewer(): ViewerState {
  const state = useContext(ViewerContext);
  if (!state) throw new Error("ViewerContext missing");
  return state;
}

export function useMessages(): Messages {
  const state = useContext(ViewerContext);
  return messagesFor(state?.language ?? "vi");
}
