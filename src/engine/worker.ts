// A worker thread of the pool: audits the chunks of proposals it is sent, one proposal at a
// time, and sends back only the small ProposalReports (never the parsed documents).
import { parentPort, workerData } from "node:worker_threads";
import type { Proposal } from "../discover.js";
import type { Settings } from "./audit-proposal.js";
import { auditChunk } from "./pool.js";

const settings = workerData as Settings;
parentPort!.on("message", (msg: { chunk: number; proposals: Proposal[] }) => {
  void auditChunk(msg.proposals, settings).then((reports) => parentPort!.postMessage({ chunk: msg.chunk, reports }));
});
