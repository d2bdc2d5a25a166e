#pragma once
// Hands a FigureService answer to the GUI thread: `done` gets the future's FigureOutcome
// (value, failure, or superseded by a newer request) once it ended, and never if `receiver`
// is gone by then.
#include "analytics/figureservice.h"

#include <QFutureWatcher>

namespace cockpit::ui {

template<class T, class Fn>
void whenFigure(QObject *receiver, QFuture<T> future, Fn done)
{
    auto *watcher = new QFutureWatcher<T>(receiver);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, receiver, [watcher, done] {
        auto outcome = analytics::FigureOutcome<T>::of(watcher->future());
        watcher->deleteLater();
        done(std::move(outcome));
    });
    watcher->setFuture(future);
}

} // namespace cockpit::ui
