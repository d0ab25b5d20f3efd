/**
 * Confirmations as a promise: `const ok = await confirm({...})` shows a Fluent alert `Dialog`
 * and resolves true only when the user chose the confirming button (Escape or the other button:
 * false). The safe (non-destructive) button is the primary one and has the first focus; when the
 * dialog closes, the focus goes back to the control that asked. One dialog at a time; used before
 * anything existing is replaced or stored for every user.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";

/** What to ask. */
export interface ConfirmRequest {
  readonly title: string;
  readonly body: string;
  readonly confirmLabel: string;
  readonly cancelLabel: string;
}

type Confirm = (request: ConfirmRequest) => Promise<boolean>;

const ConfirmContext = createContext<Confirm | null>(null);

/** Asks the user; resolves true when confirmed. */
export function useConfirm(): Confirm {
  const confirm = useContext(ConfirmContext);
  if (confirm === null) throw new Error("useConfirm bruges uden for ConfirmProvider.");
  return confirm;
}

/** Provides {@link useConfirm} and renders its dialog. */
export function ConfirmProvider({ children }: { readonly children: ReactNode }): JSX.Element {
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  const resolver = useRef<((answer: boolean) => void) | null>(null);
  /** The control that had the focus when the question was asked (it gets it back). */
  const trigger = useRef<HTMLElement | null>(null);

  const confirm = useCallback<Confirm>(
    (next) =>
      new Promise<boolean>((resolve) => {
        resolver.current?.(false);
        resolver.current = resolve;
        const active = typeof document === "undefined" ? null : document.activeElement;
        trigger.current = active instanceof HTMLElement ? active : null;
        setRequest(next);
      }),
    [],
  );

  const answer = useCallback((value: boolean) => {
    resolver.current?.(value);
    resolver.current = null;
    setRequest(null);
    const back = trigger.current;
    trigger.current = null;
    // After the dialog has closed (and its own focus restoration ran): back to the asking control.
    if (back !== null) setTimeout(() => back.isConnected && back.focus(), 0);
  }, []);

  const value = useMemo(() => confirm, [confirm]);
  return (
    <ConfirmContext.Provider value={value}>
      {children}
      <Dialog modalType="alert" open={request !== null} onOpenChange={(_event, data) => (data.open ? undefined : answer(false))}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{request?.title}</DialogTitle>
            <DialogContent>{request?.body}</DialogContent>
            <DialogActions>
              {/* The safe choice comes first, so it has the focus when the dialog opens. */}
              <Button appearance="primary" onClick={() => answer(false)}>
                {request?.cancelLabel}
              </Button>
              <Button appearance="secondary" onClick={() => answer(true)}>
                {request?.confirmLabel}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </ConfirmContext.Provider>
  );
}
