import { createContext } from 'react';
import type { Scope } from '@/contract/paths';

/** Set by the app frame for what it holds: a page inside knows it is framed, and in which workspace (if any). */
export const FrameContext = createContext<{ scope?: Scope } | null>(null);
