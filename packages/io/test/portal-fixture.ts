import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PORTAL_ENDPOINTS, type PortalEndpoint, type ResponseFile } from "../src/portal/index.js";

/**
 * The six real responses recorded from the portal for Phú Thọ (root H44), August 2026, all procedures:
 * the province and its first 6 of 163 units, exactly as returned (see portal-samples/README.md).
 */
export const SAMPLE_DIR = fileURLToPath(new URL("./portal-samples/", import.meta.url));

export const sampleName = (endpoint: PortalEndpoint) => `${endpoint}.month-all.sample.json`;

/** A fresh copy of a sample's JSON, to change for an edge case. */
export function sampleJson(endpoint: PortalEndpoint): any {
  return JSON.parse(readFileSync(`${SAMPLE_DIR}${sampleName(endpoint)}`, "utf8"));
}

/** A response file from JSON (or raw text), named as the user saved it. */
export function responseFile(name: string, content: unknown): ResponseFile {
  return { name, bytes: new TextEncoder().encode(typeof content === "string" ? content : JSON.stringify(content)) };
}

/** Sample files as saved, by endpoint. */
export function sampleFile(endpoint: PortalEndpoint): ResponseFile {
  return { name: sampleName(endpoint), bytes: readFileSync(`${SAMPLE_DIR}${sampleName(endpoint)}`) };
}

export const ALL_ENDPOINTS: readonly PortalEndpoint[] = PORTAL_ENDPOINTS;

/** Department and unit ids of the samples, by the portal's code. */
export const IDS = {
  province: "019d2be3-6a88-732b-8b17-b68020c8553a", // H44 UBND tỉnh Phú Thọ
  office: "019d2be3-6a88-732b-8b17-bb1e9a3f14ab", // H44.01 Văn phòng UBND Tỉnh (no dossiers)
  industrialZones: "019d2be3-6a88-732b-8b17-bcfe78dd3f07", // H44.03 Ban quản lý các khu công nghiệp
  industry: "019d2be3-6a88-732b-8b17-c2db58b51fef", // H44.07 Sở Công Thương
  education: "019d2be3-6a88-732b-8b17-c5ff38a85634", // H44.08 Sở Giáo dục và Đào tạo
  vietTri: "019d2be3-6ab4-74ce-8a81-1708de733a98", // H44.100 UBND Phường Việt Trì
  nongTrang: "019d2be3-6ab4-74ce-8a81-1a9f30577a76", // H44.101 UBND Phường Nông Trang
} as const;
