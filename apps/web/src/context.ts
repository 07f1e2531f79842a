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

/** The language shown: also before the model is ready (the first screen), when there is no viewer state yet. */
export const LanguageContext = createContext<Language>("vi");

export function useLanguage(): Language {
  return useContext(LanguageContext);
}

export function useMessages(): Messages {
  return messagesFor(useLanguage());
}
