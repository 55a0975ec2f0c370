// "Rebuild search index": the index is built again from every document by a backend job, with its
// progress in the search panel and the tasks indicator; the open search asks again when it is done.
import { reportError } from '../actions';
import { tNow } from '../i18n';
import { runSearch } from '../search/actions';
import { fill } from '../search/format';
import { useStore } from '../store';
import { isCancelled, runJob } from './runJob';

export async function rebuildSearchIndex(): Promise<void> {
  const label = tNow('jobKindReindex');
  try {
    const result = await runJob({ kind: 'reindex' }, { label });
    useStore.getState().pushToast('info', fill(tNow('reindexDone'), { n: result.documents.toLocaleString(), s: (result.elapsedMs / 1000).toFixed(1) }));
    if (useStore.getState().searchOpen) void runSearch();
  } catch (err) {
    if (isCancelled(err)) useStore.getState().pushToast('info', fill(tNow('jobCancelled'), { job: label }));
    else reportError(err);
  }
}
