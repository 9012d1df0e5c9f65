import { createContext } from "react";

import type { EventStream } from "./stream";

export const EventStreamContext = createContext<EventStream | null>(null);
